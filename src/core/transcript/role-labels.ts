/**
 * Labels transcripts give the person interviewed instead of a name ("Participant:", "Responden:", Q/A
 * transcripts' "A:"). A line starting with one is a turn even when it appears only once in the file:
 * otherwise a short interview's only answer would read as the interviewer's words, and interviewer turns
 * are never coded.
 */
export const PARTICIPANT_ROLE_LABELS: readonly string[] = [
  'Participant',
  'Respondent',
  'Interviewee',
  'Informant',
  'Partisipan',
  'Responden',
  'Informan',
  'Narasumber',
  'Peserta',
  'P',
  'R',
  'A',
];
