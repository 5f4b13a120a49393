package org.mailshelf.store.derby.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Mailshelf Derby store",
        description = "Mailboxes, messages and account password hashes in an embedded Apache Derby database.")
@interface StoreConfig {

    @AttributeDefinition(name = "Database directory",
            description = "Where Derby keeps the database. Empty: the folder db in the data directory"
                    + " (MAILSHELF_DATA, passed as the property mailshelf.data), or data/db without one.")
    String database() default "";

    @AttributeDefinition(name = "Connections", min = "1",
            description = "Database connections kept open: how many store calls run at the same time.")
    int connections() default DerbyMailStore.DEFAULT_CONNECTIONS;

    /** Property {@code metadata.cache.messages}. */
    @AttributeDefinition(name = "Metadata cache (messages)", min = "0",
            description = "How many messages' metadata (UID, flags, size, date) the store keeps in memory over all"
                    + " recently used mailboxes, so SELECT and STATUS need not read the database (some 100 bytes"
                    + " each). 0 disables the cache.")
    int metadata_cache_messages() default DerbyMailStore.DEFAULT_CACHED_MESSAGES;

    /** Property {@code message.cache.megabytes}. */
    @AttributeDefinition(name = "Message cache (MiB)", min = "0",
            description = "Memory for the content and MIME structure of recently delivered or read messages up to"
                    + " 256 KiB, so FETCH of them need not read the database. 0 disables the cache.")
    int message_cache_megabytes() default DerbyMailStore.DEFAULT_MESSAGE_CACHE_MB;
}
