// forceExit: every test passes and each file exits cleanly alone, but after the whole suite runs in
// band a kafkajs connection to the broker sometimes stays open (seen with `ss -tnp` on the waiting
// Jest process) and Jest would wait forever. Suspect: a client that reconnects after disconnect()
// following broker-restart's restart. Not found yet; see the issue note.
module.exports = { ...require('../../jest.preset.js').jestConfig(__dirname, 'int'), forceExit: true };
