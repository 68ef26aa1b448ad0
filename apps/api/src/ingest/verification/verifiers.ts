import type { TriggerSchemeName } from '@switchyard/engine';
import { verifyBasic } from './basic.verifier';
import { verifyDiscord } from './discord.verifier';
import { verifyGithub } from './github.verifier';
import { verifyHeaderToken } from './header-token.verifier';
import { verifyHmac } from './hmac.verifier';
import { verifyLinear } from './linear.verifier';
import { verifyPaddle } from './paddle.verifier';
import { verifyShopify } from './shopify.verifier';
import { verifySlack } from './slack.verifier';
import { verifyStandardWebhooks } from './standard-webhooks.verifier';
import { verifyStripe } from './stripe.verifier';
import { verifySvix } from './svix.verifier';
import { verifyTwilio } from './twilio.verifier';
import { verifyTypeform } from './typeform.verifier';
import type { Verifier } from './verification.types';
import { verifyZoom } from './zoom.verifier';

/** One verifier per scheme; the compiler checks that every scheme has one. */
export const VERIFIERS: { [N in TriggerSchemeName]: Verifier<never> } = {
  'standard-webhooks': verifyStandardWebhooks,
  svix: verifySvix,
  stripe: verifyStripe,
  github: verifyGithub,
  shopify: verifyShopify,
  slack: verifySlack,
  typeform: verifyTypeform,
  twilio: verifyTwilio,
  zoom: verifyZoom,
  paddle: verifyPaddle,
  linear: verifyLinear,
  discord: verifyDiscord,
  hmac: verifyHmac,
  'header-token': verifyHeaderToken,
  basic: verifyBasic,
};
