import { Inject, Injectable } from '@nestjs/common';
import type { SsoSettingsValues } from '@switchyard/contract';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema';
import { SECRET_BOX, type SecretBoxProvider } from '../../secrets/trigger-secrets.service';
import { SettingsStore, SSO_SECRET_AAD, type StoredSso } from '../../settings/settings-store';
import { type OidcSettings, oidcSettings } from './oidc-settings';

/** The single sign-on in effect, and where it comes from. */
export interface EffectiveSso {
  source: 'settings' | 'environment' | 'none';
  oidc: OidcSettings | null;
  passwordSignIn: boolean;
  breakGlassEmail: string | null;
}

/**
 * Which single sign-on applies: the one an owner stored in Settings (read through the settings
 * store, refreshed every SETTINGS_TTL_MS in every process, so a change needs no restart), else the
 * environment's SWITCHYARD_OIDC_* and SWITCHYARD_PASSWORD_SIGNIN (docs/accounts.md "Single sign-on").
 */
@Injectable()
export class SsoConfig {
  private decrypted: { sealed: Buffer; plain: string } | null = null;

  constructor(
    private readonly store: SettingsStore,
    @Inject(SECRET_BOX) private readonly box: SecretBoxProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  current(): EffectiveSso {
    const stored = this.store.instanceSettings();
    if (stored.sso) {
      return {
        source: 'settings',
        oidc: fromStored(stored.sso, this.secret(stored.ssoClientSecret)),
        passwordSignIn: stored.sso.passwordSignIn,
        breakGlassEmail: stored.sso.breakGlassEmail,
      };
    }
    const oidc = oidcSettings(this.config);
    return {
      source: oidc ? 'environment' : 'none',
      oidc,
      passwordSignIn: this.config.SWITCHYARD_PASSWORD_SIGNIN !== 'off',
      breakGlassEmail: this.config.SWITCHYARD_BREAK_GLASS_EMAIL?.trim().toLowerCase() ?? null,
    };
  }

  /** The environment's settings in the Settings page's shape (the secret only as set or not). */
  environmentValues(): SsoSettingsValues | null {
    const oidc = oidcSettings(this.config);
    if (!oidc) return null;
    return {
      ...valuesOf(oidc),
      passwordSignIn: this.config.SWITCHYARD_PASSWORD_SIGNIN !== 'off',
      breakGlassEmail: this.config.SWITCHYARD_BREAK_GLASS_EMAIL?.trim().toLowerCase() ?? null,
    };
  }

  seal(secret: string): Buffer {
    return this.box().encrypt(Buffer.from(secret, 'utf8'), SSO_SECRET_AAD);
  }

  private secret(sealed: Buffer | null): string | undefined {
    if (!sealed) return undefined;
    if (this.decrypted && this.decrypted.sealed.equals(sealed)) return this.decrypted.plain;
    const plain = this.box().decrypt(sealed, SSO_SECRET_AAD).toString('utf8');
    this.decrypted = { sealed, plain };
    return plain;
  }
}

function fromStored(sso: StoredSso, clientSecret: string | undefined): OidcSettings {
  return {
    issuer: sso.issuer,
    clientId: sso.clientId,
    clientSecret,
    name: sso.name,
    allowedDomains: sso.allowedDomains,
    defaultRole: sso.defaultRole,
    groupsClaim: sso.groupsClaim,
    groupRoles: new Map(sso.groupRoles.map((g) => [g.group, g.role])),
  };
}

function valuesOf(oidc: OidcSettings): Omit<SsoSettingsValues, 'passwordSignIn' | 'breakGlassEmail'> {
  return {
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    clientSecretSet: Boolean(oidc.clientSecret),
    name: oidc.name,
    allowedDomains: oidc.allowedDomains,
    defaultRole: oidc.defaultRole,
    groupsClaim: oidc.groupsClaim,
    groupRoles: [...oidc.groupRoles].map(([group, role]) => ({ group, role })),
  };
}
