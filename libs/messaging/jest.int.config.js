// forceExit: after the whole suite runs in band (all seven files), a handle stays open and Jest
// would wait forever, although every test passed and each file alone exits cleanly. Not found yet
// (suspect: a kafkajs client reconnecting after broker-restart's restart); see the issue note.
module.exports = { ...require('../../jest.preset.js').jestConfig(__dirname, 'int'), forceExit: true };
