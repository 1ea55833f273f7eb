// opentrail's extensions to PutAuditEvents (docs/producers.md), each on by default with a switch in the operator
// contract: AWS keeps these events to event data stores; opentrail also shows them in Event History and lets trails
// whose advanced selectors ask for eventCategory ActivityAuditLog deliver them.
export interface AuditEventSettings {
  inHistory: boolean;
  toTrails: boolean;
}
