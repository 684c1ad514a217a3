import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';

const COST = 10;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);
/** A readable random password for generated accounts (about 96 bits). */
export const generatePassword = () => randomBytes(12).toString('base64url');

/** Compared against when the account does not exist, so timing does not reveal which emails are registered. */
export const DUMMY_HASH = bcrypt.hashSync('touchpoint-dummy-password', COST);
