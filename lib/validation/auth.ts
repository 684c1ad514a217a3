import { z } from 'zod';
import { comparedOnlyText, emailSchema, nameSchema, passwordSchema } from './common';

/** Sign-in: the password is only compared with a hash, so any password an account could have is accepted. */
export const signInSchema = z.object({ email: emailSchema, password: comparedOnlyText('Enter your password').min(1, 'Enter your password').max(200, 'Use at most 200 characters') });

export const customerSignUpSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });
export type CustomerSignUpInput = z.infer<typeof customerSignUpSchema>;
