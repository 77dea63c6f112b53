import type { ApiKeyRecord } from '../keys/api-key';

export abstract class ApiKeyStore {
  abstract insert(record: ApiKeyRecord): Promise<void>;
  abstract find(keyId: string): Promise<ApiKeyRecord | null>;
  abstract list(): Promise<readonly ApiKeyRecord[]>;
  /** Replaces the secret hash of an active key; false when there is no such active key. */
  abstract rotate(keyId: string, secretHash: Buffer, at: number): Promise<boolean>;
  abstract revoke(keyId: string, at: number): Promise<boolean>;
}
