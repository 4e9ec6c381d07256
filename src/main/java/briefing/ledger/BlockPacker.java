package briefing.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Packs the groups of accepted claims of a chunk into blocks. The step's thread is the busiest of a large
 * ingest (the reading thread waits for it), so the groups of a large chunk are packed half on a helper thread.
 * Packing is a pure function of the claims: the blocks are the same whichever thread packed them.
 */
final class BlockPacker {

    /** A block as stored: its claims for the computation, the fingerprints of their ids, and their texts. */
    record Block(long id, String subject, String source, Instant ingestedAt, int claims, byte[] data, byte[] recordIds,
                 byte[] texts) {
    }

    /** Fewer claims than this are packed on the calling thread alone: handing over would cost more than it saves. */
    private static final int SHARED_FROM = 2_000;

    private BlockPacker() {
    }

    /** One block per group (claims of one subject and source), numbered from {@code firstId} in the groups' order. */
    static List<Block> pack(List<List<StoredClaim>> groups, long firstId, Instant ingestedAt) {
        return pack(groups, firstId, ingestedAt, null);
    }

    /**
     * The same, and the blocks' ids added to {@code index} (when not null) in the blocks' order: those of the blocks
     * packed on the calling thread while the helper packs the others.
     */
    static List<Block> pack(List<List<StoredClaim>> groups, long firstId, Instant ingestedAt, IdIndex index) {
        Block[] blocks = new Block[groups.size()];
        int claims = groups.stream().mapToInt(List::size).sum();
        int split = groups.size();
        if (claims >= SHARED_FROM && groups.size() > 1) {
            // the helper takes the groups after the middle claim
            split = 0;
            for (int seen = 0; split < groups.size() - 1 && 2 * (seen + groups.get(split).size()) <= claims; split++) {
                seen += groups.get(split).size();
            }
            split = Math.max(split, 1);
        }
        int from = split;
        CompletableFuture<Void> helped = from < groups.size()
                ? CompletableFuture.runAsync(() -> pack(groups, from, groups.size(), firstId, ingestedAt, blocks), Helper.THREAD)
                : CompletableFuture.completedFuture(null);
        pack(groups, 0, split, firstId, ingestedAt, blocks);
        addToIndex(blocks, 0, split, index);
        // a failure here is a bug, not bad input: it fails the step with the helper's exception as its cause
        helped.join();
        addToIndex(blocks, split, blocks.length, index);
        return Arrays.asList(blocks);
    }

    /** From the fingerprints packed with each block, rather than taken from the ids once more. */
    private static void addToIndex(Block[] blocks, int from, int to, IdIndex index) {
        if (index != null) {
            for (int i = from; i < to; i++) {
                index.addPacked(blocks[i].recordIds(), blocks[i].id());
            }
        }
    }

    private static void pack(List<List<StoredClaim>> groups, int from, int to, long firstId, Instant ingestedAt, Block[] into) {
        for (int i = from; i < to; i++) {
            List<StoredClaim> records = groups.get(i);
            List<String> ids = new ArrayList<>(records.size());
            List<PackedClaims.Packed> packed = new ArrayList<>(records.size());
            for (StoredClaim record : records) {
                ids.add(record.recordId());
                packed.add(new PackedClaims.Packed(record.claim(), ingestedAt));
            }
            Claim first = records.get(0).claim();
            into[i] = new Block(firstId + i, first.subject(), first.source(), ingestedAt, records.size(),
                    PackedClaims.pack(packed), IdIndex.pack(ids), PackedTexts.pack(records));
        }
    }

    /** Made on first use: a run that loads nothing never starts it. */
    private static final class Helper {
        static final ExecutorService THREAD = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "block-packer");
            thread.setDaemon(true);
            return thread;
        });
    }
}
