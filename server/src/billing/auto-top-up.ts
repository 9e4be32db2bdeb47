// Auto top-up: what a customer's new balance in a currency does to its setting. Pure.
//
// One crossing buys one pack: an armed setting whose balance is below its threshold buys, and is
// disarmed by it; it is armed again only once the balance is back at or above the threshold (the
// pack paid, a grant by hand). A failed top-up leaves it disarmed, so a declined card is not
// charged again and again while the balance stays low: the next try is the next crossing.
export interface TopUpSetting {
  enabled: boolean;
  threshold: number;
  armed: boolean;
}

/** `buy`: record a top-up and disarm; `arm`: the balance is back, the next fall buys; `none`: nothing changes. */
export type TopUpStep = 'buy' | 'arm' | 'none';

export function topUpStep(setting: TopUpSetting, balance: number): TopUpStep {
  if (!setting.enabled) return 'none';
  if (balance < setting.threshold) return setting.armed ? 'buy' : 'none';
  return setting.armed ? 'none' : 'arm';
}
