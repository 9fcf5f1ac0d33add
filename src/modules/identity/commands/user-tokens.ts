import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { findUserTokenForUpdate, markUserTokenUsed, type UserToken } from '../repository.ts';
import type { TokenPurpose } from '../schema.ts';

/** Takes a single-use token: refused when unknown, already used or expired, each with its own code. */
export async function consumeUserToken(tx: Tx, token: string, purpose: TokenPurpose): Promise<UserToken> {
  const row = await findUserTokenForUpdate(tx, token, purpose);
  if (!row)
    throw new AppError('token_invalid', 'This link is not valid', [
      { path: 'token', code: 'token_invalid', message: 'This link is not valid' },
    ]);
  if (row.usedAt)
    throw new AppError('token_used', 'This link has already been used', [
      { path: 'token', code: 'token_used', message: 'This link has already been used' },
    ]);
  if (row.expiresAt.getTime() <= Date.now()) {
    throw new AppError('token_expired', 'This link has expired', [
      { path: 'token', code: 'token_expired', message: 'This link has expired' },
    ]);
  }
  await markUserTokenUsed(tx, row.id);
  return row;
}
