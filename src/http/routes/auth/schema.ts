import { z } from 'zod';
import type { Credentials, PasswordChange } from '../../../services/auth-service.js';
import { CanSchema, OkSchema, Text } from '../../schemas.js';
import { AccountIdentitySchema } from '../accounts/schema.js';

export { OkSchema };

export const LoginBody = z.strictObject({
  username: Text(64),
  password: z.string().min(1).max(200),
}) satisfies z.ZodType<Credentials>;
export type LoginBody = z.infer<typeof LoginBody>;

/** The strength of the new password is the service's rule (at least 10 characters, not a common one). */
export const PasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
}) satisfies z.ZodType<PasswordChange>;
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;

/** The signed-in account, and what it may do in its own region: the web app shows its menus from `can`. */
export const MeSchema = AccountIdentitySchema.extend({
  can: CanSchema([
    'importPlans',
    'manageUnits',
    'manageAccounts',
    'manageOversightAccounts',
    'verifyAudit',
    'createRegions',
  ]),
});
export type Me = z.infer<typeof MeSchema>;
