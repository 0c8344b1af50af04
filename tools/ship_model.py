"""Copy a trained checkpoint into the package as the default model of `digitrec predict`, with its rejection threshold.

    python tools/ship_model.py results/runs/seed42/cnn.pt

Keeps the weights, config and history (not the optimizer state), chooses the confidence threshold on the
validation set (`choose_threshold`, keeping 99.5 % of correct predictions) and prints its measured effect.
"""
import sys
from pathlib import Path
from digitrec.data import mnist_tensors
from digitrec.learner import predict_logits, save_atomic
from digitrec.learner import model_from_checkpoint
from digitrec.inference import choose_threshold, default_checkpoint

src = Path(sys.argv[1])
model, ck = model_from_checkpoint(src)
t = mnist_tensors()
th = choose_threshold(predict_logits(model, t.x_valid).softmax(1), t.y_valid)
tp = predict_logits(model, t.x_test).softmax(1); conf, pred = tp.max(1); right = pred == t.y_test
kept, rej = float((conf[right] >= th['threshold']).float().mean()), float((conf[~right] < th['threshold']).float().mean())
meta = dict(ck.get('meta', {}), threshold=th['threshold'], source=str(src), threshold_valid=th,
            threshold_test=dict(correct_kept=kept, wrong_rejected=rej, n_wrong=int((~right).sum())))
save_atomic(dict(model=ck['model'], config=ck['config'], state_dict=ck['state_dict'], history=ck['history'], meta=meta, epoch=ck['epoch']),
            default_checkpoint())
print(f"wrote {default_checkpoint()}: threshold {th['threshold']:.4f}; validation: keeps {th['correct_kept']:.2%} of correct, "
      f"rejects {th['wrong_rejected']:.2%} of {th['n_wrong']} wrong; test: keeps {kept:.2%} of correct, rejects {rej:.2%} of {int((~right).sum())} wrong")
