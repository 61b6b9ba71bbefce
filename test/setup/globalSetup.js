module.exports = require('./n8nUserFolder').createUserFolder;
