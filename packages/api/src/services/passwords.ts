/**
 * @module Passwords: scrypt (from node:crypto, no native dependency) with a random salt, compared
 * in constant time; and the rules a new password must meet (length, not a well-known one).
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { fieldError } from '../errors.js';

/**
 * N = 2^15, r = 8, p = 1: about 50-100 ms and 32 MB per hash on a small server, OWASP's
 * recommended floor for scrypt. Stored with the hash, so they can be raised later.
 */
const params = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, params.N, params.r, params.p);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

/** Whether `password` matches `stored` (a string from `hashPassword`). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(N), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash of a password no one has, checked when the email is unknown: the answer then takes as
 * long as a wrong password for a real account, so timing does not tell which emails exist.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

/**
 * Passwords that lists of leaked passwords put at the top (and their shape with a digit or two):
 * long enough to pass the length rule, still the first ones an attacker tries.
 */
const common = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  '123456789a',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'qwertyuiop',
  'asdfghjkl;',
  'zxcvbnm123',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  'password12',
  'password123',
  'password1234',
  'password!1',
  'passw0rd123',
  'iloveyou12',
  'iloveyou123',
  'letmein123',
  'welcome123',
  'welcome1234',
  'abc1234567',
  'abcdefghij',
  'abcd123456',
  'aaaaaaaaaa',
  '1111111111',
  '0000000000',
  'admin12345',
  'administrator',
  'changeme123',
  'football123',
  'baseball123',
  'sunshine123',
  'princess123',
  'dragon1234',
  'monkey1234',
  'superman123',
  'trustno1234',
  'starwars123',
  'frontdesk123',
  'frontdesk1234',
]);

/** Refuses a new password that is too short or well known (422 on `field`). */
export function checkNewPassword(password: string, field: string, email?: string): void {
  if (password.length < 10) throw fieldError(field, 'Use at least 10 characters', 'too_short');
  const lower = password.toLowerCase();
  const sameChar = /^(.)\1+$/.test(password);
  const isEmail = email !== undefined && (lower === email || lower === email.split('@')[0]);
  if (common.has(lower) || sameChar || isEmail) {
    throw fieldError(field, 'This password is too easy to guess; choose another', 'too_common');
  }
}
