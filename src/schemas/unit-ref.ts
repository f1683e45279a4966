import { z } from 'zod';

/**
 * A department named in a responsibility field, resolved against the registry.
 * `lead` = 牵头; `support` = 配合 or listed after a lead; `responsible` = listed with no role word.
 */
export const UnitRoleSchema = z.enum(['lead', 'support', 'responsible']);
export type UnitRole = z.infer<typeof UnitRoleSchema>;

export const UnitRefSchema = z.object({
  /** Department registry id. */
  id: z.string(),
  /** Canonical name from the registry. */
  name: z.string(),
  role: UnitRoleSchema,
  /** The item as printed, before suffix stripping (e.g. `市发改委牵头`). */
  raw: z.string(),
});
export type UnitRef = z.infer<typeof UnitRefSchema>;
