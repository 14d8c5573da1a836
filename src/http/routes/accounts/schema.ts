import { z } from 'zod';
import type { AccountInput, AccountPatch, Role } from '../../../services/account-service.js';
import { Id, IdParams, RegionParams, Text } from '../../schemas.js';

export { IdParams, RegionParams };

export const RoleSchema = z.enum([
  'admin',
  'office',
  'leader',
  'unit_head',
  'reporter',
  'viewer',
]) satisfies z.ZodType<Role>;

/** Who an account is and where it belongs: the office's list of accounts and the signed-in account alike. */
export const AccountIdentitySchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  regionId: z.string().nullable(),
  unitId: z.string().nullable(),
});

export const AccountSchema = AccountIdentitySchema.extend({
  active: z.boolean(),
  version: z.number().int(),
});
export type Account = z.infer<typeof AccountSchema>;

/** Its strength (at least 10 characters, not a common one) is the service's rule, refused with a reason. */
const Password = z.string().min(1).max(200);

export const AccountBody = z.strictObject({
  username: z.string().regex(/^[a-zA-Z0-9_.-]{3,40}$/, '用户名为3-40位字母、数字或 _.-'),
  displayName: Text(40),
  password: Password,
  role: RoleSchema,
  unitId: Id.nullable().optional(),
}) satisfies z.ZodType<AccountInput>;
export type AccountBody = z.infer<typeof AccountBody>;

export const AccountPatchBody = z.strictObject({
  displayName: Text(40).optional(),
  role: RoleSchema.optional(),
  unitId: Id.nullable().optional(),
  active: z.boolean().optional(),
  password: Password.optional(),
}) satisfies z.ZodType<AccountPatch>;
export type AccountPatchBody = z.infer<typeof AccountPatchBody>;
