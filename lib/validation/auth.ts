import { z } from 'zod';
import { emailSchema, nameSchema, passwordSchema } from './common';

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, 'Enter your password').max(200) });

export const customerSignUpSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });
export type CustomerSignUpInput = z.infer<typeof customerSignUpSchema>;
