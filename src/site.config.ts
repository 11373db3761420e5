/**
 * Facts about the project that several parts of the site need. Change them here and nowhere else:
 * the "Edit this page" link of every lesson, astro.config's `site`, canonical links, hreflang
 * alternates, the sitemap, robots.txt and the social preview metadata are all built from them.
 */
export const SITE = {
  /** The public repository contributors fork and send pull requests to. */
  repository: 'https://github.com/dockside-dev/dockside',
  /** The branch pull requests go to. */
  branch: 'main',
  /**
   * Where readers find the site: GitHub Pages (published by .github/workflows/deploy.yml) under the
   * custom domain dockside.dev, set in the repository's Settings → Pages. The site lives at the root
   * of that origin, so links need no base path and the container image serves the same dist/ at `/`.
   * No trailing slash.
   */
  url: 'https://dockside.dev',
  /** The name in social previews and the sitemap. */
  name: 'Dockside',
} as const;

/**
 * GitHub's editor for a file of the repository (a path from its root, like
 * content/lessons/en/images.mdx). Someone without write access gets GitHub's fork-and-pull-request
 * flow from the same link, which is the point: fixing a typo should take one click.
 */
export function editUrl(repositoryPath: string): string {
  return `${SITE.repository}/edit/${SITE.branch}/${repositoryPath.split('/').map(encodeURIComponent).join('/')}`;
}

/** The public address of a path of the site: /en/images/ → https://dockside.dev/en/images/ */
export function absoluteUrl(sitePath: string): string {
  if (!sitePath.startsWith('/'))
    throw new Error(`absoluteUrl: "${sitePath}" is not a path from the site root`);
  return new URL(sitePath, `${SITE.url}/`).href;
}
