/**
 * The version at which each field of a workspace or project last changed,
 * so an update from an older version can merge the fields nobody touched.
 */
export const fieldVersions: readonly string[] = [
  `ALTER TABLE workspaces ADD COLUMN field_versions jsonb NOT NULL DEFAULT '{}'`,
  `ALTER TABLE projects ADD COLUMN field_versions jsonb NOT NULL DEFAULT '{}'`,
];
