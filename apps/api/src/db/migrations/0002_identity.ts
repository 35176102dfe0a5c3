/**
 * Sessions with rotating refresh tokens, password resets, invitations, the
 * email outbox and the append-only security event log.
 */
export const identity: readonly string[] = [
  `CREATE FUNCTION app_lookup_hash() RETURNS text
     LANGUAGE sql STABLE PARALLEL SAFE
     AS $$ SELECT nullif(current_setting('app.lookup_hash', true), '') $$`,

  // A session is one sign-in on one device. It belongs to a person, not to
  // an organization: active_tenant_id is where its tokens currently point.
  `CREATE TABLE sessions (
     id uuid PRIMARY KEY,
     user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     active_tenant_id uuid NOT NULL REFERENCES organizations (id)
       ON DELETE CASCADE,
     created_at timestamptz NOT NULL DEFAULT now(),
     last_seen_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     revoked_at timestamptz,
     revoked_reason text,
     ip text,
     user_agent text
   )`,
  `CREATE INDEX sessions_user_id_idx ON sessions (user_id)`,
  `ALTER TABLE sessions ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE sessions FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY own_sessions ON sessions
     USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id())`,

  // Refresh tokens are stored only as SHA-256 hashes. A used token that is
  // presented again marks its whole session as stolen.
  `CREATE TABLE refresh_tokens (
     token_hash text PRIMARY KEY,
     session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
     user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     used_at timestamptz
   )`,
  `CREATE INDEX refresh_tokens_session_id_idx ON refresh_tokens (session_id)`,
  `ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE refresh_tokens FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY own_refresh_tokens ON refresh_tokens
     USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id())`,
  `CREATE POLICY refresh_lookup ON refresh_tokens FOR SELECT
     USING (token_hash = app_lookup_hash())`,

  `CREATE TABLE password_resets (
     token_hash text PRIMARY KEY,
     user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     used_at timestamptz
   )`,
  `CREATE INDEX password_resets_user_id_idx ON password_resets (user_id)`,
  `ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE password_resets FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY own_password_resets ON password_resets
     USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id())`,
  `CREATE POLICY reset_lookup ON password_resets FOR SELECT
     USING (token_hash = app_lookup_hash())`,

  `CREATE TABLE invitations (
     tenant_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
     id uuid NOT NULL,
     email text NOT NULL CHECK (email = lower(email)),
     role text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
     token_hash text NOT NULL UNIQUE,
     invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     last_sent_at timestamptz NOT NULL DEFAULT now(),
     send_count integer NOT NULL DEFAULT 1,
     accepted_at timestamptz,
     accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
     revoked_at timestamptz,
     PRIMARY KEY (tenant_id, id)
   )`,
  // At most one open invitation per address in an organization.
  `CREATE UNIQUE INDEX invitations_open_email_key ON invitations
     (tenant_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL`,
  `ALTER TABLE invitations ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE invitations FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant_isolation ON invitations
     USING (tenant_id = app_tenant_id())
     WITH CHECK (tenant_id = app_tenant_id())`,
  `CREATE POLICY invitation_lookup ON invitations FOR SELECT
     USING (token_hash = app_lookup_hash())`,
  `CREATE POLICY invitation_lookup_org ON organizations FOR SELECT
     USING (id IN (SELECT tenant_id FROM invitations
                    WHERE token_hash = app_lookup_hash()))`,

  // Mail that was not sent through SMTP. Messages about one organization
  // carry its id; account mail (password resets) carries none.
  `CREATE TABLE email_outbox (
     id uuid PRIMARY KEY,
     organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
     recipient text NOT NULL,
     subject text NOT NULL,
     text_body text NOT NULL,
     html_body text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX email_outbox_organization_idx
     ON email_outbox (organization_id, created_at)`,
  `ALTER TABLE email_outbox ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE email_outbox FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant_outbox ON email_outbox FOR SELECT
     USING (organization_id = app_tenant_id())`,
  `CREATE POLICY queue_mail ON email_outbox FOR INSERT
     WITH CHECK (organization_id IS NULL
                 OR organization_id = app_tenant_id())`,

  // Append-only: the application role may add and read, never change.
  `CREATE TABLE security_events (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
     type text NOT NULL,
     actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
     target_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
     ip text,
     request_id text,
     details jsonb NOT NULL DEFAULT '{}',
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX security_events_organization_idx
     ON security_events (organization_id, created_at DESC, id)`,
  `REVOKE UPDATE, DELETE, TRUNCATE ON security_events FROM ares_app`,
  `ALTER TABLE security_events ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE security_events FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant_events ON security_events FOR SELECT
     USING (organization_id = app_tenant_id())`,
  `CREATE POLICY record_event ON security_events FOR INSERT
     WITH CHECK (organization_id IS NULL
                 OR organization_id = app_tenant_id())`,
];
