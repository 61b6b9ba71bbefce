// n8n finds this package's nodes and credentials through the "n8n" section of package.json,
// so the package itself exports nothing.
module.exports = {};
