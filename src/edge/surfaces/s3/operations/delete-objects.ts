// DeleteObjects (POST ?delete): up to 1000 keys in one <Delete> document; each key succeeds or fails on its own.
// Quiet mode reports only the failures.
import type { S3Operation } from '../s3-call.js';
import { keyProblem } from '../../../../objects/object-key.js';
import { element, xmlDocument, type Xml } from '../../../protocols/s3-xml.js';
import { child, childrenNamed, parseXml, XmlSyntaxError, type XmlElement } from '../../../protocols/xml-reader.js';
import { accessBucket } from '../s3-access.js';
import { malformedXml, storeCall } from '../s3-errors.js';
import { requestPayload } from '../s3-payload.js';
import { addResources, noteBytes, objectResource } from '../s3-record-facts.js';
import { xmlReply } from '../s3-reply.js';

const MAX_OBJECTS = 1000;

interface DeleteRequest {
  quiet: boolean;
  objects: Array<{ key: string; versionId?: string }>;
}

interface Failure {
  key: string;
  code: string;
  message: string;
}

export const deleteObjects: S3Operation = async (call) => {
  await accessBucket(call);
  const payload = requestPayload(call.request);
  noteBytes(call.facts, 'bytesTransferredIn', payload.length);
  const request = readDeleteRequest(payload);
  addResources(call.facts, request.objects.map((o) => objectResource(call.bucket, o.key)));
  const failures: Failure[] = [];
  const deletable: string[] = [];
  for (const { key, versionId } of request.objects) {
    const problem = refusal(key, versionId);
    if (problem) failures.push(problem);
    else deletable.push(key);
  }
  const result = await storeCall({ bucket: call.bucket }, () => call.objects.deleteObjects(call.bucket, deletable));
  for (const failed of result.failed) {
    failures.push({ key: failed.key, code: failed.reason === 'InvalidKey' ? 'InvalidArgument' : 'InternalError', message: failed.message });
  }
  return xmlReply(call.requestId, xmlDocument('DeleteResult', resultElements(request.quiet ? [] : result.deleted, failures)));
};

function resultElements(deleted: readonly string[], failures: readonly Failure[]): Xml[] {
  return [
    ...deleted.map((key) => element('Deleted', [element('Key', key)])),
    ...failures.map((f) => element('Error', [element('Key', f.key), element('Code', f.code), element('Message', f.message)])),
  ];
}

function refusal(key: string, versionId: string | undefined): Failure | undefined {
  if (versionId !== undefined && versionId !== 'null') {
    return { key, code: 'NoSuchVersion', message: 'The specified version does not exist.' };
  }
  const problem = keyProblem(key);
  return problem ? { key, code: 'InvalidArgument', message: problem } : undefined;
}

function readDeleteRequest(payload: Buffer): DeleteRequest {
  let root: XmlElement;
  try {
    root = parseXml(payload.toString('utf8'));
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw malformedXml();
    throw err;
  }
  const objects = childrenNamed(root, 'Object').map((o) => {
    const key = child(o, 'Key');
    const version = child(o, 'VersionId');
    if (!key) throw malformedXml();
    return { key: key.text, ...(version ? { versionId: version.text } : {}) };
  });
  if (root.name !== 'Delete' || objects.length === 0 || objects.length > MAX_OBJECTS) throw malformedXml();
  const quiet = child(root, 'Quiet')?.text.trim().toLowerCase();
  if (quiet !== undefined && quiet !== 'true' && quiet !== 'false') throw malformedXml();
  return { quiet: quiet === 'true', objects };
}
