import { ApiError } from './client';

/** UNREACHABLE is what a request that never reached the server says. */
export const UNREACHABLE = 'The server cannot be reached. Check your connection, then try again.';

/**
 * validation turns the validator's messages (huma's, as problem+json's
 * errors carry them: "expected length <= 200") into what a field must be,
 * said after its name ("is too long: use at most 200 characters").
 */
const validation: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^expected length <= (\d+)$/, (m) => `is too long: use at most ${count(m[1])} characters`],
  [/^expected length >= 1$/, () => 'cannot be empty'],
  [/^expected length >= (\d+)$/, (m) => `is too short: use at least ${count(m[1])} characters`],
  [/^expected number <= (\S+)$/, (m) => `must be at most ${count(m[1])}`],
  [/^expected number < (\S+)$/, (m) => `must be less than ${count(m[1])}`],
  [/^expected number >= (\S+)$/, (m) => `must be at least ${count(m[1])}`],
  [/^expected number > (\S+)$/, (m) => `must be more than ${count(m[1])}`],
  [/^expected (number|integer)$/, () => 'must be a number'],
  [/^expected required property (\S+) to be present$/, (m) => `needs ${m[1].replace(/_/g, ' ')}`],
  [/^expected value to be one of "(.+)"$/, (m) => `must be one of ${m[1].split(/",\s*"|, /).join(', ')}`],
  [/^expected string to match pattern /, () => 'is not written as expected'],
  [/^expected array length <= (\d+)$/, (m) => `can hold at most ${count(m[1])}`],
  [/^unexpected property$/, () => 'is not accepted here'],
];

/** count writes a number from a validator's message for people ("1e+06" → "1,000,000"). */
function count(text: string): string {
  const n = Number(text);
  return Number.isFinite(n) ? n.toLocaleString('en-US') : text;
}

/** NETWORK are the words of a failure to reach another service (a refused or timed-out connection). */
const NETWORK = /dial tcp|connection refused|connection reset|no such host|i\/o timeout|network is unreachable|\(HTTP 0\)|context deadline exceeded|TLS handshake/i;

/** TECHNICAL marks the part of an error that reads like a log: bytes, addresses, HTTP codes, Go types. */
const TECHNICAL = /\[\d+(?: \d+)+\]|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b|\(HTTP \d+\)|\bHTTP \d{3}\b|\bEOF\b|\b0x[0-9a-f]+\b|\.go:\d+|\bjson: |\bsql: |\bpq: |\bSQLSTATE\b/;

/** SERVICES name, for people, the services an error's prefix ("fal: …") says it came from. */
const SERVICES: Record<string, string> = { fal: 'The image service (FAL)', reddit: 'Reddit (through RapidAPI)', rapidapi: 'Reddit (through RapidAPI)', supabase: 'The sign-in service' };

/** asSentence starts a phrase with a capital and ends it with a full stop. */
export function asSentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const s = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(s) ? s : `${s}.`;
}

/** asClause lets a sentence follow a colon ("Not run: the server …"): a first word written as an ordinary word loses its capital; a name or an acronym keeps it. */
export function asClause(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * fieldProblem is what a located error says of its field, for people: a
 * validator's message in words ("is too long: use at most 200
 * characters"), anything else as the server wrote it, its log-like tail cut.
 */
export function fieldProblem(message: string): string {
  for (const [re, say] of validation) {
    const m = re.exec(message.trim());
    if (m) return say(m);
  }
  return plain(message);
}

/**
 * plain is a server's or a service's error message, for people: its first
 * line; "X cannot be reached" for a failed connection (X named by its
 * prefix: "fal: dial tcp …" is the image service); otherwise cut where it
 * turns into a log (bytes, addresses, HTTP codes) and without a bare
 * package prefix ("fal: "). A message that is all log reads "something
 * went wrong".
 */
export function plain(message: string): string {
  // A status in brackets at the end is for logs; what comes before it may be for people.
  const line = (message.split('\n')[0] ?? '').replace(/\s*\(HTTP \d+\)$/, '').trim();
  const prefix = /^([a-z][a-z0-9]*): /.exec(line);
  if (NETWORK.test(message.split('\n')[0] ?? '')) return `${SERVICES[prefix?.[1] ?? ''] ?? 'A service this needs'} cannot be reached just now; try again later`;
  const kept: string[] = [];
  for (const part of (prefix && SERVICES[prefix[1]] ? line.slice(prefix[0].length) : line).split(': ')) {
    if (TECHNICAL.test(part)) break;
    kept.push(part);
  }
  return kept.join(': ').trim() || 'something went wrong';
}

/** Subjects name the fields of a request for people, by the field after "body." ({ name: 'The name' }). */
export type Subjects = Record<string, string>;

/**
 * problemText is the one sentence a failed request is told in, where the
 * user acted: a request that never reached the server says the server
 * cannot be reached; a refused one says why, from problem+json: its first
 * located error with its field named (subjects name them: "The name is too
 * long: use at most 200 characters."), else its detail in words; a server
 * failure without a word says so.
 */
export function problemText(err: unknown, subjects: Subjects = {}): string {
  if (!(err instanceof ApiError)) return err instanceof DOMException && err.name === 'AbortError' ? '' : UNREACHABLE;
  const first = err.errors.find((e) => e.message);
  if (first?.message) {
    const field = /^body\.(\w+)/.exec(first.location ?? '')?.[1] ?? '';
    const subject = subjects[field] ?? (field ? `The ${field.replace(/_/g, ' ')}` : 'The request');
    return asSentence(`${subject} ${fieldProblem(first.message)}`);
  }
  // A proxy in front of a server that is down answers without problem+json.
  if (err.status >= 502 && err.status <= 504 && /^(Bad Gateway|Service Unavailable|Gateway Timeout)?$/.test(err.message)) return UNREACHABLE;
  if (err.status >= 500 && !err.message) return 'The server had a problem; try again.';
  return asSentence(plain(err.message || 'something went wrong'));
}
