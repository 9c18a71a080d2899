/**
 * Inter in the two subsets Norwegian text needs: latin (æ ø å) and latin-ext (Sámi ŋ ŧ ž).
 * No other subset ships. A face split by unicode-range is fetched the first time one of its
 * characters is drawn, so a Cyrillic or Vietnamese name in a user's file would make a request
 * after the file was loaded and tell the server which scripts the file contains; such text
 * is drawn in a system font instead. These single-subset files carry no unicode-range, so the
 * browser tries each face in turn, the last declared first: latin, the common case.
 */
import '@fontsource/inter/latin-ext-400.css';
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-ext-500.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-ext-600.css';
import '@fontsource/inter/latin-600.css';

/** Past this the app starts anyway: its text is drawn in a fallback until the font arrives. */
const WAIT_MS = 3000;

/**
 * Loads every face the page declares now, before the app is mounted and so before any file
 * can be read, instead of when some text first needs one. A failed or stalled face never
 * keeps the app from starting; its request has been made either way.
 */
export function loadFonts(): Promise<void> {
  const loads: Promise<unknown>[] = [];
  document.fonts?.forEach((face) => loads.push(face.load()));
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, WAIT_MS));
  return Promise.race([Promise.allSettled(loads).then(() => undefined), timeout]);
}
