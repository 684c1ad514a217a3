import { z } from 'zod';
import { emailSchema, nameSchema, passwordSchema } from './common';

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, 'Enter your password').max(200) });

export const customerSignUpSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });
export type CustomerSignUpInput = z.infer<typeof customerSignUpSchema>;

/** Changing one's password while signed in: the current one proves it is the person, not a borrowed browser. */
export const passwordChangeSchema = z
  .object({ currentPassword: z.string().min(1, 'Enter your current password').max(200), password: passwordSchema, confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords are different' });
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

/** An admin ends another staff member's sessions. */
export const revokeStaffSessionsSchema = z.object({ userId: z.coerce.number().int().positive().max(2_147_483_647) });
