import { z } from 'zod';
import { comparedOnlyText, emailSchema, idSchema, nameSchema, passwordSchema, secretText } from './common';

/** Sign-in: the password is only compared with a hash, so any password an account could have is accepted. */
export const signInSchema = z.object({ email: emailSchema, password: comparedOnlyText('Enter your password').min(1, 'Enter your password').max(200, 'Use at most 200 characters') });

export const customerSignUpSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });
export type CustomerSignUpInput = z.infer<typeof customerSignUpSchema>;

/** Changing one's password while signed in: the current one proves it is the person, not a borrowed browser. */
export const passwordChangeSchema = z
  .object({
    currentPassword: comparedOnlyText('Enter your current password').min(1, 'Enter your current password').max(200, 'Use at most 200 characters'),
    password: passwordSchema,
    confirm: secretText('Repeat the new password').max(200, 'Use at most 200 characters'),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords are different' });
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

/** An admin ends another staff member's sessions. */
export const revokeStaffSessionsSchema = z.object({ userId: idSchema });
