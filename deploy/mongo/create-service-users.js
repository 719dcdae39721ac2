// Run once by the mongo image on an empty data volume (/docker-entrypoint-initdb.d), before the
// replica set starts: one user per service, allowed to read and write its own database only, so a
// compromised service cannot read another's records (issue 10, finding 6). The services that receive
// dossiers may also write dossier_codes, the counters of dossier codes they share (one sequence a day
// per receiving unit, whichever service receives: it holds counters only). The passwords come from
// the container's environment (docker-compose.yml); changing one later needs db.changeUserPassword.
const receivesDossiers = new Set(['identity', 'residence', 'passport', 'seal']);
const services = {
  identity: 'identity-service',
  residence: 'residence-service',
  passport: 'passport-service',
  seal: 'seal-service',
  payment: 'fine-payment-service',
};
for (const [database, user] of Object.entries(services)) {
  const variable = 'MONGO_PASSWORD_' + user.toUpperCase().replace(/-/g, '_');
  const password = process.env[variable];
  if (!password) {
    throw new Error(variable + ' is not set: every service needs its own MongoDB password');
  }
  const roles = [{ role: 'readWrite', db: database }];
  if (receivesDossiers.has(database)) {
    roles.push({ role: 'readWrite', db: 'dossier_codes' });
  }
  db.getSiblingDB(database).createUser({ user, pwd: password, roles });
  print('created MongoDB user ' + user + ' on database ' + database);
}
