/**
 * How much payload text process messages carry to the inspector (MessageRecord.payload), like
 * the frame payload bounds (src/session/frame-data.ts): each message up to
 * MESSAGE_PAYLOAD_CHARS, until its run has carried RUN_PAYLOAD_CHARS; the run history keeps no
 * more than one run's worth in all. Here, apart, so the page reads them without the runtime.
 */
export const MESSAGE_PAYLOAD_CHARS = 16 * 1024;
export const RUN_PAYLOAD_CHARS = 4 * 1024 * 1024;
