import alignedIcp from '../../../icp/aligned.v1.json';
import { parseIcp, type Icp } from '../../domain';

/** The ICP accounts are scored under unless an admin publishes another current one. */
export const DEFAULT_ICP_ID = 'aligned';

const BUNDLED: Record<string, unknown> = { 'aligned.v1.json': alignedIcp };

/**
 * The ICP files shipped in services/scoring/icp, validated. Throws on a bad file so that the service
 * refuses to start rather than score accounts with a broken ICP; the file name must match id and version.
 */
export const loadBundledIcps = (): Icp[] =>
  Object.entries(BUNDLED).map(([file, document]) => {
    const result = parseIcp(document);
    if (!result.ok)
      throw new Error(
        `Invalid ICP ${file}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      );
    const expected = `${result.icp.id}.v${result.icp.version}.json`;
    if (expected !== file) throw new Error(`ICP file ${file} holds ${expected}`);
    return result.icp;
  });
