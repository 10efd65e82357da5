/** Project settings kept in telaah.yaml, with their defaults and validation. */

export type CodingUnit = 'sentence' | 'turn';
export type TriangulationStatus = 'convergent' | 'corroborated' | 'single-source' | 'absent';

export interface ProjectConfig {
  name: string;
  languages: string[];
  codingUnit: CodingUnit;
  interviewerLabels: string[];
  triangulation: {
    /** Source types needed for `convergent`. */
    convergent: number;
    /** Source types needed for `corroborated`. */
    corroborated: number;
    /** The status `triangulate --strict` requires. */
    required: TriangulationStatus;
  };
  codebook: string | null;
  /** `telaah report` settings. */
  report: {
    /** The participant attribute holding the outcome the joint display splits by (e.g. enrolled_after); null for none. */
    outcome: string | null;
  };
  /** Made by `telaah demo`, which may therefore run in its folder again. */
  demo: boolean;
}

export const DEFAULT_INTERVIEWER_LABELS = [
  'Pewawancara',
  'Peneliti',
  'Moderator',
  'Fasilitator',
  'Notulen',
  'Interviewer',
  'Researcher',
  'Facilitator',
  'I',
  'Q',
];

/** The settings of a new project. */
export function defaultConfig(name: string): ProjectConfig {
  return {
    name,
    languages: ['id', 'en'],
    codingUnit: 'sentence',
    interviewerLabels: [...DEFAULT_INTERVIEWER_LABELS],
    triangulation: { convergent: 3, corroborated: 2, required: 'corroborated' },
    codebook: null,
    report: { outcome: null },
    demo: false,
  };
}

/** The text of a new telaah.yaml, commented for the researcher who opens it. */
export function renderDefaultConfig(name: string, options: { demo?: boolean } = {}): string {
  const d = defaultConfig(name);
  return `# telaah project settings. Edit freely; \`telaah\` reads this file on every command.
name: ${JSON.stringify(d.name)}

# Languages of the material, most used first. The auto-coder stems each language with its own stemmer
# (id: Indonesian, en: English).
languages: [${d.languages.join(', ')}]

# The unit a coding is attached to by default: "sentence" (T.S) or "turn" (T).
coding_unit: ${d.codingUnit}

# Speaker labels that mark the interviewer, moderator or note-taker rather than a participant
# (compared without case; "Peneliti 2" matches "Peneliti"). "P" is not here: in English I/P transcripts
# it is the participant; add it if your transcripts use P for Pewawancara.
interviewer_labels: [${d.interviewerLabels.join(', ')}]

# Triangulation audit: how many source types (interview, fgd, observation, document) a code needs
# to count as convergent or corroborated, and the status \`telaah triangulate --strict\` requires.
triangulation:
  convergent: ${d.triangulation.convergent}
  corroborated: ${d.triangulation.corroborated}
  required: ${d.triangulation.required}

# The file of the project's current codebook (set by \`telaah codebook use FILE\`). The codebook itself is
# stored in the project: editing the file changes nothing until \`telaah codebook use\` applies it again.
codebook: null

# \`telaah report\`: the participant attribute that holds an outcome (e.g. enrolled_after: ya/tidak); the
# report then shows the themes each outcome group voiced side by side (a joint display).
${options.demo ? 'report:\n  outcome: enrolled_after' : '# report:\n#   outcome: enrolled_after'}
${options.demo ? DEMO_MARKER : ''}`;
}

// `telaah demo` refuses a folder holding any project without this line, so it never adds the sample
// study to a researcher's own project.
const DEMO_MARKER = `
# Made by \`telaah demo\` from the bundled sample study; \`telaah demo\` may add to it again.
demo: true
`;

/** A problem in telaah.yaml: the dotted key path and what is wrong. */
export interface ConfigProblem {
  path: (string | number)[];
  message: string;
}

const STATUSES: TriangulationStatus[] = ['convergent', 'corroborated', 'single-source', 'absent'];
const TOP_KEYS = ['name', 'languages', 'coding_unit', 'interviewer_labels', 'triangulation', 'codebook', 'report', 'demo'];

/** Checks parsed telaah.yaml content and fills defaults; problems carry the key path for line:col lookup. */
export function validateConfig(value: unknown, fallbackName: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const config = defaultConfig(fallbackName);
  const problems: ConfigProblem[] = [];
  if (value === null || value === undefined) return { config, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ path: [], message: 'telaah.yaml must be a mapping of settings' });
    return { config, problems };
  }
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if (!TOP_KEYS.includes(key)) problems.push({ path: [key], message: `unknown setting "${key}" (known: ${TOP_KEYS.join(', ')})` });
  }
  if (v.name !== undefined) {
    if (typeof v.name === 'string' && v.name.trim()) config.name = v.name;
    else problems.push({ path: ['name'], message: 'name must be a non-empty string' });
  }
  const stringList = (key: string): string[] | undefined => {
    const list = v[key];
    if (list === undefined) return undefined;
    if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === 'string' || typeof x === 'number')) {
      problems.push({ path: [key], message: `${key} must be a non-empty list of words` });
      return undefined;
    }
    return list.map(String);
  };
  const languages = stringList('languages');
  if (languages) {
    const bad = languages.filter((l) => l !== 'id' && l !== 'en');
    if (bad.length) problems.push({ path: ['languages'], message: `unsupported language ${bad.join(', ')} (supported: id, en)` });
    else config.languages = languages;
  }
  const labels = stringList('interviewer_labels');
  if (labels) config.interviewerLabels = labels;
  if (v.coding_unit !== undefined) {
    if (v.coding_unit === 'sentence' || v.coding_unit === 'turn') config.codingUnit = v.coding_unit;
    else problems.push({ path: ['coding_unit'], message: 'coding_unit must be "sentence" or "turn"' });
  }
  if (v.codebook !== undefined && v.codebook !== null) {
    if (typeof v.codebook === 'string') config.codebook = v.codebook;
    else problems.push({ path: ['codebook'], message: 'codebook must be a file path or null' });
  }
  if (v.demo !== undefined) {
    if (typeof v.demo === 'boolean') config.demo = v.demo;
    else problems.push({ path: ['demo'], message: 'demo must be true or false' });
  }
  if (v.report !== undefined && v.report !== null) readReport(v.report, config, problems);
  if (v.triangulation !== undefined) {
    const t = v.triangulation;
    if (t === null || typeof t !== 'object' || Array.isArray(t)) {
      problems.push({ path: ['triangulation'], message: 'triangulation must be a mapping' });
    } else {
      const tr = t as Record<string, unknown>;
      for (const key of Object.keys(tr)) {
        if (!['convergent', 'corroborated', 'required'].includes(key)) {
          problems.push({ path: ['triangulation', key], message: `unknown setting "triangulation.${key}" (known: convergent, corroborated, required)` });
        }
      }
      for (const key of ['convergent', 'corroborated'] as const) {
        const n = tr[key];
        if (n === undefined) continue;
        if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 4) config.triangulation[key] = n;
        else problems.push({ path: ['triangulation', key], message: `triangulation.${key} must be a whole number from 1 to 4` });
      }
      if (tr.required !== undefined) {
        if (STATUSES.includes(tr.required as TriangulationStatus)) config.triangulation.required = tr.required as TriangulationStatus;
        else problems.push({ path: ['triangulation', 'required'], message: `triangulation.required must be one of ${STATUSES.join(', ')}` });
      }
      if (config.triangulation.corroborated > config.triangulation.convergent) {
        problems.push({ path: ['triangulation'], message: 'triangulation.corroborated cannot exceed triangulation.convergent' });
      }
    }
  }
  return { config, problems };
}

/** The `report:` mapping: `outcome`, a participant attribute key (or null). */
function readReport(value: unknown, config: ProjectConfig, problems: ConfigProblem[]): void {
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ path: ['report'], message: 'report must be a mapping, e.g. report: { outcome: enrolled_after }' });
    return;
  }
  const r = value as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (key !== 'outcome') problems.push({ path: ['report', key], message: `unknown setting "report.${key}" (known: outcome)` });
  }
  const outcome = r.outcome;
  if (outcome === undefined || outcome === null) return;
  if (typeof outcome === 'string' && outcome.trim()) config.report.outcome = outcome.trim();
  else problems.push({ path: ['report', 'outcome'], message: 'report.outcome must be the name of a participant attribute, e.g. enrolled_after' });
}
