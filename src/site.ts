// Facts about the site used across pages.
export const site = {
  name: 'Dockhand',
  tagline: 'Learn Docker by doing',
  description:
    'A free, open-source course that teaches Docker by doing: short lessons, clear diagrams and real command output.',
  /** the repository's home; the "Edit this lesson" links point into it */
  repository: 'https://github.com/dockhand-course/dockhand',
  branch: 'main',
} as const;

export const editUrl = (filePath: string): string => `${site.repository}/edit/${site.branch}/${filePath}`;
