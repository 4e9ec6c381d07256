package briefing.ledger;

import briefing.ledger.IdIndex.Place;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Finds stored records by id in the blocks: through the index of every id ({@link IdIndex}), or, when the
 * caller has none, by one pass over the fingerprints of every block ({@code claim_block_ids}), which costs
 * less than making the index. The place of a fingerprint in its block's fingerprints is the place of its
 * record among the block's claims and texts: a claim read from a block is completed from its texts alone.
 */
final class RecordLookup {

    /** Blocks read at a time (one packed from a legacy claim table may take megabytes). */
    private static final int BLOCK_BATCH = 50;

    private final JdbcTemplate jdbc;
    private final BlockBytes blocks;

    RecordLookup(JdbcTemplate jdbc, BlockBytes blocks) {
        this.jdbc = jdbc;
        this.blocks = blocks;
    }

    /** The index of every record id in the ledger. */
    IdIndex index() {
        List<Long> ids = new ArrayList<>();
        List<byte[]> fingerprints = new ArrayList<>();
        jdbc.query("SELECT block_id, record_ids FROM claim_block_ids", (RowCallbackHandler) rs -> {
            ids.add(rs.getLong(1));
            fingerprints.add(rs.getBytes(2));
        });
        // made at its full size at once: growing it by doubling would place every id again at each step
        IdIndex index = new IdIndex(fingerprints.stream().mapToInt(f -> f.length / Long.BYTES).sum());
        for (int i = 0; i < ids.size(); i++) {
            index.addPacked(fingerprints.get(i), ids.get(i));
        }
        return index;
    }

    /** The stored records with these ids: only the blocks the index names for them are read. */
    Map<String, StoredClaim> throughIndex(Collection<String> ids, IdIndex index) {
        return read(ids, index::placesOf);
    }

    /** The stored records with these ids, found by one pass over the fingerprints of every block. */
    Map<String, StoredClaim> byFingerprints(Collection<String> ids) {
        Map<Long, List<Place>> places = placesOf(ids);
        return read(ids, id -> places.getOrDefault(IdIndex.fingerprint(id), List.of()));
    }

    /**
     * These claims, read from the blocks, completed with their texts, by id: the index, or else one pass over
     * the fingerprints of every block, tells the block and place of each; only the texts of those blocks are
     * read, and only theirs decoded. A claim whose fingerprint is in more than one place (two ids that share
     * one) is read whole and told apart by its id.
     */
    Map<String, Claim> complete(Collection<Claim> claims, Optional<IdIndex> index) {
        Map<String, Claim> found = new HashMap<>();
        Function<String, List<Place>> placesOfId = index.isPresent() ? index.get()::placesOf : passOver(claims);
        Map<Long, Map<Integer, Claim>> byBlock = new TreeMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (Claim claim : claims) {
            List<Place> at = placesOfId.apply(claim.recordId());
            if (at.size() == 1) {
                byBlock.computeIfAbsent(at.get(0).block(), b -> new HashMap<>()).put(at.get(0).index(), claim);
            } else {
                elsewhere.add(claim.recordId());
            }
        }
        List<Long> ids = new ArrayList<>(byBlock.keySet());
        for (int from = 0; from < ids.size(); from += BLOCK_BATCH) {
            blocks.texts(ids.subList(from, Math.min(ids.size(), from + BLOCK_BATCH))).forEach((block, texts) -> {
                Map<Integer, Claim> inBlock = byBlock.get(block);
                PackedTexts.unpack(texts, inBlock::containsKey, (t, i) -> {
                    Claim claim = inBlock.get(i);
                    found.put(claim.recordId(), t.complete(claim));
                });
            });
        }
        if (!elsewhere.isEmpty()) {
            (index.isPresent() ? throughIndex(elsewhere, index.get()) : byFingerprints(elsewhere))
                    .forEach((id, stored) -> found.put(id, stored.claim()));
        }
        return found;
    }

    /** The places of these claims' ids, found by one pass over the fingerprints of every block. */
    private Function<String, List<Place>> passOver(Collection<Claim> claims) {
        Map<Long, List<Place>> places = placesOf(claims.stream().map(Claim::recordId).toList());
        return id -> places.getOrDefault(IdIndex.fingerprint(id), List.of());
    }

    /** Every place that holds the fingerprint of one of these ids, by fingerprint. */
    private Map<Long, List<Place>> placesOf(Collection<String> ids) {
        IdIndex wanted = new IdIndex(ids.size());
        ids.forEach(id -> wanted.add(id, 0, 0));
        Map<Long, List<Place>> places = new HashMap<>();
        jdbc.query("SELECT block_id, record_ids FROM claim_block_ids", (RowCallbackHandler) rs -> {
            long block = rs.getLong(1);
            byte[] fingerprints = rs.getBytes(2);
            for (int at = 0; at < fingerprints.length; at += Long.BYTES) {
                long fingerprint = IdIndex.fingerprintAt(fingerprints, at);
                if (wanted.mayHoldFingerprint(fingerprint)) {
                    places.computeIfAbsent(fingerprint, f -> new ArrayList<>(1)).add(new Place(block, at / Long.BYTES));
                }
            }
        });
        return places;
    }

    /**
     * The stored records of the given ids, at the places {@code placesOfId} gives for each: only the claims at
     * those places are decoded, and told apart by their ids (two ids may share a fingerprint, and so places).
     */
    private Map<String, StoredClaim> read(Collection<String> ids, Function<String, List<Place>> placesOfId) {
        Set<String> wanted = new HashSet<>(ids);
        Map<Long, Set<Integer>> places = new TreeMap<>();
        for (String id : wanted) {
            for (Place place : placesOfId.apply(id)) {
                places.computeIfAbsent(place.block(), b -> new HashSet<>()).add(place.index());
            }
        }
        Map<String, StoredClaim> found = new HashMap<>();
        PackedClaims.Days days = new PackedClaims.Days();
        List<Long> blockIds = new ArrayList<>(places.keySet());
        for (int from = 0; from < blockIds.size(); from += BLOCK_BATCH) {
            List<Long> some = blockIds.subList(from, Math.min(blockIds.size(), from + BLOCK_BATCH));
            Map<Long, byte[]> texts = blocks.texts(some);
            jdbc.query("SELECT block_id, subject, source, data FROM claim_block WHERE block_id IN (" + BlockBytes.numbers(some) + ")",
                    (RowCallbackHandler) rs -> {
                        long block = rs.getLong(1);
                        Map<Integer, Claim> matching = new HashMap<>();
                        PackedClaims.unpack(rs.getBytes(4), rs.getString(2), rs.getString(3), days, places.get(block)::contains,
                                (claim, i) -> {
                                    if (wanted.contains(claim.recordId())) {
                                        matching.put(i, claim);
                                    }
                                });
                        PackedTexts.unpack(texts.get(block), matching::containsKey, (t, i) -> found.put(matching.get(i).recordId(),
                                new StoredClaim(t.complete(matching.get(i)), t.file(), t.line())));
                    });
        }
        return found;
    }
}
