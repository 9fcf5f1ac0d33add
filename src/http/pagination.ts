import { z } from 'zod';

/** `?page=&pageSize=` on every list; query strings arrive as text, hence the coercion. */
export const pageQuery = {
  /** 1-based page number. */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Rows per page, at most 200. */
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

/** The envelope of a paginated list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
