import type { SsoSettings, UpdateSsoSettingsRequest } from '../../api';

type SsoRole = 'viewer' | 'editor' | 'admin';

/** The single sign-on settings as the form edits them. */
export interface SsoForm {
  issuer: string;
  clientId: string;
  /** A new secret; blank keeps the stored one. */
  clientSecret: string;
  name: string;
  /** Domains separated by commas or spaces; blank: every domain. */
  allowedDomains: string;
  defaultRole: SsoRole;
  groupsClaim: string;
  /** One `group = role` a line. */
  groupRoles: string;
  passwordSignIn: boolean;
  breakGlassEmail: string;
}

const words = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The form for what is stored, else prefilled from the environment's settings, else empty. */
export function ssoForm(settings: SsoSettings): SsoForm {
  const v = settings.settings ?? settings.environment;
  const role = (r: string | undefined): SsoRole => (r === 'editor' || r === 'admin' ? r : 'viewer');
  return {
    issuer: v?.issuer ?? '',
    clientId: v?.clientId ?? '',
    clientSecret: '',
    name: v?.name ?? 'single sign-on',
    allowedDomains: (v?.allowedDomains ?? []).join(', '),
    defaultRole: role(v?.defaultRole),
    groupsClaim: v?.groupsClaim ?? 'groups',
    groupRoles: (v?.groupRoles ?? []).map((g) => `${g.group} = ${g.role}`).join('\n'),
    passwordSignIn: v?.passwordSignIn ?? true,
    breakGlassEmail: v?.breakGlassEmail ?? '',
  };
}

/** The PUT body. A blank secret is left out (the stored one is kept); the API checks every value and names the field. */
export function ssoRequest(form: SsoForm): UpdateSsoSettingsRequest {
  const groupRoles = form.groupRoles
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const eq = line.lastIndexOf('=');
      return eq < 0
        ? { group: line, role: '' as SsoRole }
        : {
            group: line.slice(0, eq).trim(),
            role: line
              .slice(eq + 1)
              .trim()
              .toLowerCase() as SsoRole,
          };
    });
  return {
    issuer: form.issuer.trim(),
    clientId: form.clientId.trim(),
    ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
    name: form.name.trim() || 'single sign-on',
    allowedDomains: words(form.allowedDomains),
    defaultRole: form.defaultRole,
    groupsClaim: form.groupsClaim.trim() || 'groups',
    groupRoles,
    passwordSignIn: form.passwordSignIn,
    breakGlassEmail: form.breakGlassEmail.trim() || null,
  };
}
