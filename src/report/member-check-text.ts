/**
 * The words of a member-check packet in Indonesian and English, written for the participant rather than
 * for researchers: plain sentences, no codes or counts jargon. Theme summaries are built from the code's
 * label (in the packet's language) and, in English, the first sentence of its definition (codebook
 * definitions are written once, often in English, so an Indonesian packet leaves them out).
 */
import { shortenAtSentence } from '../core/analysis/shorten-quote.js';
import { splitSentences } from '../core/text/sentences.js';
import type { MemberTheme } from '../core/report/member-check.js';
import type { ReportLanguage } from '../core/report/report-model.js';
import type { SourceType } from '../core/transcript/types.js';
import { capitalize, joinList, numberFormat } from './language-format.js';

/** The fixed words of a packet. */
export interface MemberCheckWords {
  title(participant: string): string;
  study(project: string): string;
  intro: string;
  themesHeading: string;
  noThemes: string;
  /** One or two sentences about a theme the participant contributed to. */
  themeSummary(theme: MemberTheme): string;
  wordsHeading: string;
  /** A source's heading: its kind and date (the name too, to find it again). */
  sourceHeading(type: SourceType, date: string | null, source: string): string;
  /** Where a turn sits: its number and media time. */
  turnPlace(turn: number, startMs: number | null): string;
  /** The themes given to a turn. */
  turnThemes(labels: readonly string[]): string;
  closingHeading: string;
  closing: string;
}

// Not the report's source type names (thematic/labels): a participant reads "catatan pengamatan", not "observasi".
const KIND_ID: Record<SourceType, string> = { interview: 'wawancara', fgd: 'diskusi kelompok (FGD)', observation: 'catatan pengamatan', document: 'dokumen' };
const KIND_EN: Record<SourceType, string> = { interview: 'interview', fgd: 'group discussion', observation: 'observation notes', document: 'document' };

/** Media time as a participant reads it, m:ss or h:mm:ss (the report's hh:mm:ss is for finding it in a transcript). */
function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const two = (x: number): string => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}` : `${Math.floor(total / 60)}:${two(total % 60)}`;
}

/** The first sentence of a text, cut at a word past DEFINITION_LIMIT code points. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = splitSentences(flat)[0];
  return shortenAtSentence(first ? flat.slice(first.start, first.end) : flat, DEFINITION_LIMIT);
}

/** A definition's first sentence is cut past this many code points. */
const DEFINITION_LIMIT = 240;

const ID_NUMBER = numberFormat('id');
const EN_NUMBER = numberFormat('en');

/** The words of a packet in `language`. */
export function memberCheckWords(language: ReportLanguage): MemberCheckWords {
  return language === 'en' ? ENGLISH : INDONESIAN;
}

const INDONESIAN: MemberCheckWords = {
  title: (participant) => `Untuk diperiksa: kata-kata ${participant}`,
  study: (project) => `Penelitian: ${project}`,
  intro:
    'Terima kasih sudah berbagi pengalaman dalam penelitian ini. Dokumen ini berisi kata-kata Anda sendiri dari percakapan yang kami catat, ' +
    'dan ringkasan tema yang kami lihat di dalamnya. Nama Anda di sini adalah nama samaran.',
  themesHeading: 'Tema yang Anda sampaikan',
  noThemes: 'Peneliti belum memberi tema pada kata-kata Anda.',
  themeSummary: (t) =>
    `Dalam ${ID_NUMBER.number(t.turns)} bagian dari ${joinList(t.sourceTypes.map((k) => KIND_ID[k]), 'dan')}, Anda berbicara tentang hal yang kami sebut “${t.label}”` +
    `${t.category ? `, bagian dari tema “${t.category}”` : ''}.`,
  wordsHeading: 'Kata-kata Anda',
  sourceHeading: (type, date, source) => `${capitalize(KIND_ID[type])}${date ? `, ${date}` : ''} (${source})`,
  turnPlace: (turn, startMs) => `Bagian ${turn}${startMs === null ? '' : `, menit ${clock(startMs)}`}`,
  turnThemes: (labels) => `Tema: ${labels.join('; ')}`,
  closingHeading: 'Koreksi dan tanggapan',
  closing:
    'Apakah kata-kata dan ringkasan ini sesuai dengan yang Anda maksud? Jika ada yang salah dengar, kurang tepat, atau tidak ingin Anda sertakan, ' +
    'tandai bagian itu atau tuliskan tanggapan Anda, lalu sampaikan kepada peneliti. Anda juga boleh menambahkan hal penting yang belum tercatat.',
};

const ENGLISH: MemberCheckWords = {
  title: (participant) => `For your review: the words of ${participant}`,
  study: (project) => `Study: ${project}`,
  intro:
    'Thank you for sharing your experience in this study. This document holds your own words from the conversations we recorded, ' +
    'and a summary of the themes we see in them. Your name here is a pseudonym.',
  themesHeading: 'Themes you spoke about',
  noThemes: 'The researchers have not yet given themes to your words.',
  themeSummary: (t) => {
    const first = `In ${EN_NUMBER.number(t.turns)} ${t.turns === 1 ? 'part' : 'parts'} of the ${joinList(t.sourceTypes.map((k) => KIND_EN[k]), 'and the')}, you spoke about what we call “${t.label}”${t.category ? `, part of the theme “${t.category}”` : ''}.`;
    const meaning = t.definition ? firstSentence(t.definition) : '';
    return meaning ? `${first} We describe it like this: ${meaning}` : first;
  },
  wordsHeading: 'Your words',
  sourceHeading: (type, date, source) => `${capitalize(KIND_EN[type])}${date ? `, ${date}` : ''} (${source})`,
  turnPlace: (turn, startMs) => `Part ${turn}${startMs === null ? '' : `, at ${clock(startMs)}`}`,
  turnThemes: (labels) => `Themes: ${labels.join('; ')}`,
  closingHeading: 'Corrections and comments',
  closing:
    'Do these words and this summary say what you meant? If something was misheard, is not quite right, or you would rather leave it out, ' +
    'mark it or write your comment and give it back to the researcher. You may also add anything important that is missing.',
};
