/**
 * Slugs: a lesson's file name is its slug and the last part of its address (/en/<slug>/); course ids
 * follow the same rule. Lower-case letters, digits and single hyphens, so addresses never need escaping
 * and two names never collide on a case-insensitive disk.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a name would be as a slug, for the fix a message suggests: "Redis_Basics" → "redis-basics". */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'lesson'
  );
}
