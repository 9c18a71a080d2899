import { problem, type Problem } from '../problems';
import { decryptSession, encryptSession, isEnvelope } from './crypto';
import { readSession, type SessionDocument } from './session';

export type OpenedSession = { kind: 'session'; session: SessionDocument } | { kind: 'locked' } | { kind: 'refused'; problems: Problem[] };

/**
 * A session file's text: a plain session, an encrypted one (`locked` until a passphrase is
 * given), or the problems that refuse it. Never throws.
 */
export async function openSessionText(text: string, passphrase?: string): Promise<OpenedSession> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'refused', problems: [problem('session.not_json', 'error')] };
  }
  if (isEnvelope(json)) {
    if (passphrase === undefined || passphrase === '') return { kind: 'locked' };
    const opened = await decryptSession(json, passphrase);
    if ('problem' in opened) return { kind: 'refused', problems: [opened.problem] };
    return openSessionText(opened.text);
  }
  const { session, problems } = readSession(json);
  return session ? { kind: 'session', session } : { kind: 'refused', problems };
}

/** A session as the text of its file: plain JSON, or the encrypted envelope when a passphrase is given. */
export async function sessionFileText(session: SessionDocument, passphrase?: string): Promise<string> {
  const text = JSON.stringify(session, null, 2) + '\n';
  if (!passphrase) return text;
  return JSON.stringify(await encryptSession(text, passphrase), null, 2) + '\n';
}

/** The session file's name: the data file's stem, so session and extract sort together ("utdrag.csv" → "utdrag-økt.json"). */
export function sessionFileName(inputName: string): string {
  return `${inputName.replace(/\.[^.]*$/, '') || 'økt'}-økt.json`;
}
