//! Who rates what: users pick distinct items in proportion to the items' remaining counts.

use rand::rngs::StdRng;
use rand::Rng;

/// For each user, `user_counts[u]` distinct items, written at `starts[u]..starts[u + 1]`: the
/// most active users first, each pick proportional to the items' remaining counts (`room`).
///
/// A pick lowers the item's room by one at once. A user's repeat is drawn again until the
/// first one; from then on that user's items are taken out of the table while it picks (so a
/// user who rates most of the items never waits), and put back after. Either way each pick is
/// proportional to the room of the items the user has not picked yet.
pub(super) fn assign_items(starts: &[usize], user_counts: &[u32], item_counts: &[u32], rng: &mut StdRng) -> Vec<u32> {
    // Items are handled by popularity rank, so that most draws end in the table's first blocks.
    let mut popular: Vec<u32> = (0..item_counts.len() as u32).collect();
    popular.sort_by_key(|&i| (std::cmp::Reverse(item_counts[i as usize]), i));
    let mut room: Vec<u32> = popular.iter().map(|&i| item_counts[i as usize]).collect();
    let mut table = RoomTable::new(&room);
    let mut order: Vec<u32> = (0..user_counts.len() as u32).collect();
    order.sort_by_key(|&u| (std::cmp::Reverse(user_counts[u as usize]), u));
    let mut rated = vec![0u32; starts[starts.len() - 1]];
    let mut picked_by = vec![u32::MAX; item_counts.len()];
    for &u in &order {
        let slot = &mut rated[starts[u as usize]..starts[u as usize + 1]];
        let (mut taken_out, mut fallback) = (false, 0);
        for k in 0..slot.len() {
            let i = loop {
                if table.total == 0 {
                    // Every item with room left is this user's already: the most popular other one.
                    while picked_by[fallback] == u {
                        fallback += 1;
                    }
                    break fallback;
                }
                let i = table.find(rng.random_range(0..table.total));
                if picked_by[i] != u {
                    break i;
                }
                if !taken_out {
                    slot[..k].iter().for_each(|&j| table.sub(j as usize, room[j as usize]));
                    taken_out = true;
                }
            };
            picked_by[i] = u;
            slot[k] = i as u32;
            if room[i] > 0 {
                table.sub(i, if taken_out { room[i] } else { 1 });
                room[i] -= 1;
            }
        }
        if taken_out {
            slot.iter().for_each(|&j| table.add(j as usize, room[j as usize]));
        }
    }
    rated.iter_mut().for_each(|rank| *rank = popular[*rank as usize]);
    rated
}

/// Any item with no rating takes one from an item with two or more (the item a user picked
/// first among those, the most active users asked first), so user counts stay as they are.
pub(super) fn give_every_item_a_rating(starts: &[usize], rated: &mut [u32], n_items: usize) {
    let mut counts = vec![0u32; n_items];
    for &i in rated.iter() {
        counts[i as usize] += 1;
    }
    let mut order: Vec<usize> = (0..starts.len() - 1).collect();
    order.sort_by_key(|&u| (std::cmp::Reverse(starts[u + 1] - starts[u]), u));
    let mut next_user = 0;
    for orphan in 0..n_items {
        if counts[orphan] > 0 {
            continue;
        }
        // An item with two ratings exists (ratings ≥ items), so some user gives one up.
        for _ in 0..order.len() {
            let u = order[next_user % order.len()];
            next_user += 1;
            let slot = &mut rated[starts[u]..starts[u + 1]];
            if let Some(k) = slot.iter().position(|&i| counts[i as usize] >= 2) {
                counts[slot[k] as usize] -= 1;
                slot[k] = orphan as u32;
                counts[orphan] = 1;
                break;
            }
        }
    }
}

/// Item weights in blocks of [`BLOCK`] with the sum of each block: a draw proportional to
/// weight walks the block sums, then one block; an update is two subtractions. Items come by
/// popularity rank, so most draws end in the first blocks.
struct RoomTable {
    weights: Vec<u32>,
    blocks: Vec<u32>,
    total: u32,
}

/// Items per block of [`RoomTable`].
const BLOCK: usize = 64;

impl RoomTable {
    fn new(weights: &[u32]) -> RoomTable {
        let blocks = weights.chunks(BLOCK).map(|c| c.iter().sum()).collect();
        RoomTable { weights: weights.to_vec(), blocks, total: weights.iter().sum() }
    }
    fn add(&mut self, i: usize, w: u32) {
        self.weights[i] += w;
        self.blocks[i / BLOCK] += w;
        self.total += w;
    }
    fn sub(&mut self, i: usize, w: u32) {
        self.weights[i] -= w;
        self.blocks[i / BLOCK] -= w;
        self.total -= w;
    }
    /// The item where the running sum of weights first exceeds `r` (`r` below the total).
    fn find(&self, mut r: u32) -> usize {
        let mut b = 0;
        while self.blocks[b] <= r {
            r -= self.blocks[b];
            b += 1;
        }
        let mut i = b * BLOCK;
        while self.weights[i] <= r {
            r -= self.weights[i];
            i += 1;
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_room_table_draws_by_weight() {
        let mut t = RoomTable::new(&[3, 0, 2, 5]);
        let found: Vec<usize> = (0..10).map(|r| t.find(r)).collect();
        assert_eq!(found, [0, 0, 0, 2, 2, 3, 3, 3, 3, 3]);
        t.sub(3, 5);
        t.add(1, 1);
        let found: Vec<usize> = (0..6).map(|r| t.find(r)).collect();
        assert_eq!(found, [0, 0, 0, 1, 2, 2]);
    }
}
