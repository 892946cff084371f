// What fiskaly's Management API (dashboard.fiskaly.com/api/v0) answers. Known only from production
// integrations (see ../shared/reference/sign-at-api.md), so every object is loose and only the fields
// the onboarding relies on are required.
import { z } from 'zod';

export const ManagementAuthResponse = z.looseObject({
  access_token: z.string().min(1),
  access_token_claims: z
    .looseObject({ organization_id: z.string().optional(), env: z.string().optional() })
    .optional(),
});
export type ManagementAuthResponse = z.infer<typeof ManagementAuthResponse>;

export const ManagedOrganization = z.looseObject({
  _id: z.string().min(1),
  name: z.string().optional(),
  vat_id: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
export type ManagedOrganization = z.infer<typeof ManagedOrganization>;

/** A list comes as `{data: […]}`; a bare array is accepted too. */
export const ManagedOrganizationList = z
  .union([z.looseObject({ data: z.array(ManagedOrganization) }), z.array(ManagedOrganization)])
  .transform((list) => (Array.isArray(list) ? list : list.data));

export const CreatedApiKey = z.looseObject({
  _id: z.string().optional(),
  key: z.string().min(1),
  /** Shown only in this one answer: whoever drops it cannot get it back. */
  secret: z.string().min(1),
});
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const NewManagedOrganization = z.strictObject({
  name: z.string().min(1),
  address_line1: z.string().min(1),
  zip: z.string().min(1),
  town: z.string().min(1),
  country_code: z.literal('AUT'),
  managed_by_organization_id: z.string().min(1),
  vat_id: z.string().optional(),
  display_name: z.string().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});
export type NewManagedOrganization = z.infer<typeof NewManagedOrganization>;

export const NewApiKey = z.strictObject({
  name: z.string().regex(/^[a-z0-9-]{3,30}$/),
  status: z.literal('enabled'),
});
export type NewApiKey = z.infer<typeof NewApiKey>;
