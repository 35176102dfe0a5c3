import { hash, verify } from "@node-rs/argon2";

// OWASP's minimum for argon2id: 19 MiB of memory, two passes, one lane.
// argon2id is the library's default algorithm (its enum is a const enum,
// which isolated modules cannot import); a test checks the hash prefix.
const hashOptions = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, hashOptions);
}

export function verifyPassword(
  passwordHash: string,
  password: string,
): Promise<boolean> {
  return verify(passwordHash, password);
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the time of a real check when there is no account, so the answer
 * for an unknown email takes as long as the one for a wrong password.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword("decoy password that matches nothing");
  await verify(await decoyHash, password);
  return false;
}
