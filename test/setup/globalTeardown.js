module.exports = require('./n8nUserFolder').removeUserFolder;
