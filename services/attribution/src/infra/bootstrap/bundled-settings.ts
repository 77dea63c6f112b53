import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAttributionSettings, type AttributionSettings } from '../../domain';

/** services/attribution/models (next to src/ in the repo, and copied next to dist's src/ by the build). */
export const SETTINGS_DIR = join(__dirname, '..', '..', '..', 'models');

/** Every settings file shipped with the service, parsed (a bad file stops the start with its field paths). */
export const loadBundledSettings = (dir = SETTINGS_DIR): AttributionSettings[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      try {
        return parseAttributionSettings(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      } catch (e) {
        throw new Error(`services/attribution/models/${f} is not a valid settings document: ${String(e)}`);
      }
    });
