import { name, version } from '../../package.json';

/**
 * What the manifest names as the writer of an export: the package's name and version, the
 * same in the browser and the CLI. Read here, outside the core, so the core imports nothing
 * but itself; the app and the CLI hand it to the list builder.
 */
export const APP_IDENTITY = { name, version } as const;
