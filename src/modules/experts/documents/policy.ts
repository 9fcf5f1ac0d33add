import type { Policy } from '../../../authz/policy.ts';
import { expertProfilePolicy, type ProfileAccess } from '../policy.ts';

const rule = (action: string) => expertProfilePolicy[action]!;

/**
 * Who may do what with an expert's documents. A CV is part of the profile, so the profile's rules decide: whoever
 * may read the profile (staff; focal points for shortlisted experts who consented to share their CV) may read and
 * download its documents, and only the expert, who edits the profile, adds or removes them. Donors and other
 * experts match no rule, and a refused read is answered "not found" like the profile's.
 */
export const expertDocumentPolicy: Policy<ProfileAccess> = {
  'document.read': rule('profile.read'),
  'document.upload': rule('profile.update'),
  'document.delete': rule('profile.update'),
};
