// Runs bcrypt off the main thread: one task per call, in a pool sized to the cores.
import bcrypt from "bcryptjs";

export default function run({ op, password, hash, cost }) {
  if (op === "hash") return bcrypt.hashSync(password, cost);
  return bcrypt.compareSync(password, hash);
}
