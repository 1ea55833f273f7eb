// The account and region a call is made in: what turns short names (topic, key id) into full ARNs.
export interface AccountRegion {
  accountId: string;
  region: string;
}
