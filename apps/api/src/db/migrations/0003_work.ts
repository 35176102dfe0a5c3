/** The tenant-isolation policy every tenant table gets, by table name. */
function tenantPolicy(table: string): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${table}
       USING (tenant_id = app_tenant_id())
       WITH CHECK (tenant_id = app_tenant_id())`,
  ];
}

/**
 * Workspaces, projects, tasks, comments and the activity log. Every key
 * leads with tenant_id and every reference is composite, so no row can
 * point into another organization, whatever the application does.
 */
export const work: readonly string[] = [
  `CREATE TABLE workspaces (
     tenant_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
     id uuid NOT NULL,
     name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
     description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
     created_by uuid REFERENCES users (id) ON DELETE SET NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     version integer NOT NULL DEFAULT 1,
     PRIMARY KEY (tenant_id, id)
   )`,
  ...tenantPolicy("workspaces"),

  `CREATE TABLE workspace_members (
     tenant_id uuid NOT NULL,
     workspace_id uuid NOT NULL,
     user_id uuid NOT NULL,
     role text NOT NULL CHECK (role IN ('admin', 'member')),
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, workspace_id, user_id),
     FOREIGN KEY (tenant_id, workspace_id)
       REFERENCES workspaces (tenant_id, id) ON DELETE CASCADE,
     FOREIGN KEY (tenant_id, user_id)
       REFERENCES memberships (tenant_id, user_id) ON DELETE CASCADE
   )`,
  `CREATE INDEX workspace_members_user_idx
     ON workspace_members (tenant_id, user_id)`,
  ...tenantPolicy("workspace_members"),

  `CREATE TABLE projects (
     tenant_id uuid NOT NULL,
     id uuid NOT NULL,
     workspace_id uuid NOT NULL,
     key text NOT NULL CHECK (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
     name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
     description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
     archived boolean NOT NULL DEFAULT false,
     workflow jsonb NOT NULL,
     task_counter integer NOT NULL DEFAULT 0,
     created_by uuid REFERENCES users (id) ON DELETE SET NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     version integer NOT NULL DEFAULT 1,
     PRIMARY KEY (tenant_id, id),
     UNIQUE (tenant_id, key),
     FOREIGN KEY (tenant_id, workspace_id)
       REFERENCES workspaces (tenant_id, id) ON DELETE CASCADE
   )`,
  `CREATE INDEX projects_workspace_idx ON projects (tenant_id, workspace_id)`,
  ...tenantPolicy("projects"),

  `CREATE TABLE tasks (
     tenant_id uuid NOT NULL,
     id uuid NOT NULL,
     project_id uuid NOT NULL,
     number integer NOT NULL,
     title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
     description text NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
     status text NOT NULL,
     priority text NOT NULL DEFAULT 'none'
       CHECK (priority IN ('none', 'low', 'medium', 'high', 'urgent')),
     assignee_id uuid,
     due_date date,
     labels text[] NOT NULL DEFAULT '{}',
     estimate numeric(8, 2) CHECK (estimate >= 0),
     position double precision NOT NULL,
     created_by uuid REFERENCES users (id) ON DELETE SET NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     status_changed_at timestamptz NOT NULL DEFAULT now(),
     completed_at timestamptz,
     version integer NOT NULL DEFAULT 1,
     search tsvector GENERATED ALWAYS AS (
       setweight(to_tsvector('simple', title), 'A') ||
       setweight(to_tsvector('simple', description), 'B')) STORED,
     PRIMARY KEY (tenant_id, id),
     UNIQUE (tenant_id, project_id, number),
     FOREIGN KEY (tenant_id, project_id)
       REFERENCES projects (tenant_id, id) ON DELETE CASCADE,
     -- The assignee must be a member of the same organization; leaving it
     -- unassigns their tasks.
     FOREIGN KEY (tenant_id, assignee_id)
       REFERENCES memberships (tenant_id, user_id) ON DELETE SET NULL (assignee_id)
   )`,
  `CREATE INDEX tasks_board_idx
     ON tasks (tenant_id, project_id, status, position)`,
  `CREATE INDEX tasks_project_updated_idx
     ON tasks (tenant_id, project_id, updated_at DESC, id)`,
  `CREATE INDEX tasks_assignee_idx
     ON tasks (tenant_id, assignee_id) WHERE assignee_id IS NOT NULL`,
  `CREATE INDEX tasks_labels_idx ON tasks USING gin (labels)`,
  `CREATE INDEX tasks_search_idx ON tasks USING gin (search)`,
  ...tenantPolicy("tasks"),

  // When each task entered each status: the raw material of analytics.
  `CREATE TABLE task_status_changes (
     tenant_id uuid NOT NULL,
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     task_id uuid NOT NULL,
     from_status text,
     to_status text NOT NULL,
     changed_by uuid REFERENCES users (id) ON DELETE SET NULL,
     changed_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id),
     FOREIGN KEY (tenant_id, task_id)
       REFERENCES tasks (tenant_id, id) ON DELETE CASCADE
   )`,
  `CREATE INDEX task_status_changes_task_idx
     ON task_status_changes (tenant_id, task_id, changed_at)`,
  ...tenantPolicy("task_status_changes"),

  `CREATE TABLE comments (
     tenant_id uuid NOT NULL,
     id uuid NOT NULL,
     task_id uuid NOT NULL,
     author_id uuid REFERENCES users (id) ON DELETE SET NULL,
     body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     version integer NOT NULL DEFAULT 1,
     PRIMARY KEY (tenant_id, id),
     FOREIGN KEY (tenant_id, task_id)
       REFERENCES tasks (tenant_id, id) ON DELETE CASCADE
   )`,
  `CREATE INDEX comments_task_idx ON comments (tenant_id, task_id, created_at)`,
  ...tenantPolicy("comments"),

  // Who changed which field of a task from what to what, and the version
  // the change produced: conflict detection reads it back.
  `CREATE TABLE task_activity (
     tenant_id uuid NOT NULL,
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     task_id uuid NOT NULL,
     version integer NOT NULL,
     actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
     kind text NOT NULL,
     field text,
     from_value jsonb,
     to_value jsonb,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id),
     FOREIGN KEY (tenant_id, task_id)
       REFERENCES tasks (tenant_id, id) ON DELETE CASCADE
   )`,
  `CREATE INDEX task_activity_task_idx
     ON task_activity (tenant_id, task_id, version)`,
  ...tenantPolicy("task_activity"),
];
