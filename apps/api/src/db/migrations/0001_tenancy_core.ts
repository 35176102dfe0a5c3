/**
 * The tenancy core: the restricted application role, the helpers that read
 * the transaction-local settings, and the first three tables with their
 * row-level security.
 */
export const tenancyCore: readonly string[] = [
  // Roles are shared by every database in a cluster, so another database
  // (or a test worker racing this one) may have created it already.
  `DO $$ BEGIN
     CREATE ROLE ares_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
   EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
   END $$`,
  // A non-superuser owner must be a member of the role to switch to it.
  `DO $$ BEGIN
     IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
       EXECUTE format('GRANT ares_app TO %I', current_user);
     END IF;
   END $$`,
  `GRANT USAGE ON SCHEMA public TO ares_app`,
  `ALTER DEFAULT PRIVILEGES IN SCHEMA public
     GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ares_app`,
  `ALTER DEFAULT PRIVILEGES IN SCHEMA public
     GRANT USAGE, SELECT ON SEQUENCES TO ares_app`,

  `CREATE FUNCTION app_tenant_id() RETURNS uuid
     LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$`,
  `CREATE FUNCTION app_user_id() RETURNS uuid
     LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$`,
  `CREATE FUNCTION app_login_email() RETURNS text
     LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT nullif(current_setting('app.login_email', true), '') $$`,

  `CREATE TABLE organizations (
     id uuid PRIMARY KEY,
     name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE users (
     id uuid PRIMARY KEY,
     email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
     name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
     password_hash text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE UNIQUE INDEX users_email_key ON users (email)`,
  `CREATE TABLE memberships (
     tenant_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
     user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     role text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
     created_at timestamptz NOT NULL DEFAULT now(),
     last_used_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, user_id)
   )`,
  // Signing in lists one person's memberships across tenants, so this one
  // index leads with the user instead of the tenant.
  `CREATE INDEX memberships_user_id_idx ON memberships (user_id)`,

  `ALTER TABLE organizations ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE organizations FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant_isolation ON organizations
     USING (id = app_tenant_id()) WITH CHECK (id = app_tenant_id())`,
  `CREATE POLICY own_organizations ON organizations FOR SELECT
     USING (app_tenant_id() IS NULL AND id IN (
       SELECT tenant_id FROM memberships WHERE user_id = app_user_id()))`,

  `ALTER TABLE memberships ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE memberships FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant_isolation ON memberships
     USING (tenant_id = app_tenant_id())
     WITH CHECK (tenant_id = app_tenant_id())`,
  `CREATE POLICY own_memberships ON memberships FOR SELECT
     USING (app_tenant_id() IS NULL AND user_id = app_user_id())`,

  // Accounts are not owned by one tenant, yet no query may list them all:
  // a row is visible to its owner, to the tenant it is a member of, and to
  // the sign-in lookup of its own email.
  `ALTER TABLE users ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE users FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY own_account ON users
     USING (id = app_user_id()) WITH CHECK (id = app_user_id())`,
  `CREATE POLICY sign_in_lookup ON users FOR SELECT
     USING (email = app_login_email())`,
  `CREATE POLICY tenant_members ON users FOR SELECT
     USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id))`,
  `CREATE POLICY create_account ON users FOR INSERT WITH CHECK (true)`,
];
