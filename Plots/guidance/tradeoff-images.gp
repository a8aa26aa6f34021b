set terminal pngcairo size 900,600 enhanced font 'DejaVu Sans,11'
set output 'tradeoff-images.png'
set title "Fashion-MNIST: FD against class fidelity as the scale grows (labels: w or s)\nmean ± 95% interval over 3 sampling seeds"
set xlabel 'share classified as the class asked for'
set ylabel 'FD on toy-classifier features (lower is better)'
set grid
set key top left
plot 'tradeoff-images.dat' index 0 using 1:3:2:4 with xyerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'classifier-free (w)', \
     '' index 0 using 1:3:5 with labels offset 1.5,0.5 font ',9' tc rgb '#1f77b4' notitle, \
     'tradeoff-images.dat' index 1 using 1:3:2:4 with xyerrorlines lw 2 pt 7 lc rgb '#d62728' title 'classifier (s)', \
     '' index 1 using 1:3:5 with labels offset 1.5,0.5 font ',9' tc rgb '#d62728' notitle, \
     0.2589805345165743 with lines dt 2 lc rgb '#555555' title 'real training images'
