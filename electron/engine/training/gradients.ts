// Gradient functions for training. tfjs-core alone registers none, and its register_all_gradients module
// is ES-module code that the CommonJS build of the engine cannot require. The union package's Node build
// (@tensorflow/tfjs, CommonJS) registers every gradient into tfjs-core's global registry, which all
// copies of tfjs-core share; it also registers backends the engine never selects (it sets one explicitly).
import '@tensorflow/tfjs'
