import argon2 from "argon2";

// OWASP's minimum for argon2id: 19 MiB of memory, two passes, one lane.
const hashOptions = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, hashOptions);
}

export function verifyPassword(
  hash: string,
  password: string,
): Promise<boolean> {
  return argon2.verify(hash, password);
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the time of a real check when there is no account, so the answer
 * for an unknown email takes as long as the one for a wrong password.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword("decoy password that matches nothing");
  await argon2.verify(await decoyHash, password);
  return false;
}
